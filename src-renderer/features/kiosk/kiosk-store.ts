// The kiosk screen's state machine. Phases:
//   idle ──code──▶ pin ──PIN ok──▶ choose ──IN/OUT──▶ receipt ──after a few seconds──▶ idle
//   idle/pin ──badge──▶ choose;  any ──manager──▶ exit-code ▶ exit-pin ▶ exited
// Calls go through the contract; what the user sees of an error is the app's own message.
import { create } from 'zustand';
import type { IdentifyOutput } from '../../../shared/contract/kiosk.js';
import type { Receipt } from '../../../shared/contract/punches.js';
import type { ErrorCode } from '../../../shared/errors.js';
import { invoke } from '../../lib/rpc.js';

export type Phase = 'idle' | 'pin' | 'busy' | 'choose' | 'receipt' | 'exit-code' | 'exit-pin' | 'exited';
type Kind = 'IN' | 'OUT';

export interface KioskError {
  code: ErrorCode;
  message: string;
}

interface KioskState {
  phase: Phase;
  code: string;
  pin: string;
  who: IdentifyOutput | null;
  receipt: Receipt | null;
  error: KioskError | null;
  workMode: 'WFO' | 'WFH';
  managerName: string | null;
  typeDigit(d: string): void;
  backspace(): void;
  submit(): Promise<void>;
  badge(badge: string): Promise<void>;
  punch(kind: Kind): Promise<void>;
  setWorkMode(mode: 'WFO' | 'WFH'): void;
  cancel(): void;
  startExit(): void;
  resumeKiosk(): void;
}

const MAX_LEN = { code: 32, pin: 12 } as const;
let returnTimer: ReturnType<typeof setTimeout> | undefined;

export function receiptSeconds(): number {
  const fromUrl = Number(new URLSearchParams(window.location.search).get('receiptSeconds'));
  return Number.isFinite(fromUrl) && fromUrl > 0 ? fromUrl : 5;
}

const IDLE = { phase: 'idle', code: '', pin: '', who: null, receipt: null, workMode: 'WFO' } as const;

export const useKiosk = create<KioskState>((set, get) => {
  const field = (): 'code' | 'pin' | null => {
    const { phase } = get();
    if (phase === 'idle' || phase === 'exit-code') return 'code';
    if (phase === 'pin' || phase === 'exit-pin') return 'pin';
    return null;
  };

  const identified = (who: IdentifyOutput): void => set({ phase: 'choose', who, pin: '', code: '', error: null });

  const failIdentify = (error: KioskError): void => {
    if (error.code === 'WRONG_PIN') set({ phase: 'pin', pin: '', error });
    else set({ ...IDLE, error });
  };

  return {
    ...IDLE,
    error: null,
    managerName: null,

    typeDigit(d) {
      const f = field();
      if (!f || !/^[0-9A-Za-z]$/.test(d) || (f === 'pin' && !/^\d$/.test(d))) return;
      const value = get()[f];
      if (value.length < MAX_LEN[f]) set({ [f]: value + d, error: null } as Partial<KioskState>);
    },

    backspace() {
      const f = field();
      if (f) set({ [f]: get()[f].slice(0, -1) } as Partial<KioskState>);
    },

    async submit() {
      const { phase, code, pin } = get();
      if (phase === 'idle' && code) return set({ phase: 'pin', error: null });
      if (phase === 'exit-code' && code) return set({ phase: 'exit-pin', error: null });
      if (phase === 'pin' && pin.length >= 4) {
        set({ phase: 'busy' });
        const res = await invoke('kiosk.identify', { method: 'pin', code, pin });
        return res.ok ? identified(res.value) : failIdentify(res.error);
      }
      if (phase === 'exit-pin' && pin.length >= 4) {
        set({ phase: 'busy' });
        const res = await invoke('kiosk.exit', { code, pin });
        if (res.ok) return set({ ...IDLE, phase: 'exited', managerName: res.value.managerName, error: null });
        return set({ ...IDLE, phase: 'exit-code', error: res.error });
      }
    },

    async badge(badge) {
      const { phase } = get();
      if (phase !== 'idle' && phase !== 'pin' && phase !== 'choose' && phase !== 'receipt') return;
      clearTimeout(returnTimer);
      set({ phase: 'busy', error: null });
      const res = await invoke('kiosk.identify', { method: 'badge', badge });
      return res.ok ? identified(res.value) : set({ ...IDLE, error: res.error });
    },

    async punch(kind) {
      const { who, workMode, phase } = get();
      if (!who || phase !== 'choose') return;
      set({ phase: 'busy' });
      const res = await invoke('punches.record', { ticket: who.ticket, kind, workMode });
      if (!res.ok) return set({ ...IDLE, error: res.error });
      set({ phase: 'receipt', receipt: res.value, error: null });
      clearTimeout(returnTimer);
      returnTimer = setTimeout(() => {
        if (get().phase === 'receipt') set({ ...IDLE });
      }, receiptSeconds() * 1000);
    },

    setWorkMode: (workMode) => set({ workMode }),

    cancel() {
      clearTimeout(returnTimer);
      set({ ...IDLE, error: null });
    },

    startExit() {
      clearTimeout(returnTimer);
      set({ ...IDLE, phase: 'exit-code', error: null });
    },

    resumeKiosk: () => set({ ...IDLE, error: null, managerName: null }),
  };
});

// A message about a person (a wrong or locked PIN, an unknown code) stays only as long as a
// receipt would: the next person at the kiosk never sees the previous person's message or code.
let errorTimer: ReturnType<typeof setTimeout> | undefined;
useKiosk.subscribe((state, previous) => {
  if (!state.error || state.error === previous.error) return;
  const shown = state.error;
  clearTimeout(errorTimer);
  errorTimer = setTimeout(() => {
    const now = useKiosk.getState();
    if (now.error !== shown) return;
    if (now.phase === 'idle' || now.phase === 'pin') useKiosk.setState({ ...IDLE, error: null });
    else useKiosk.setState({ error: null });
  }, receiptSeconds() * 1000);
});

// The roster the reader's unit tests read questions against: two Ashas (an ambiguous first name),
// Dev and Deva (a short name beside a longer one), two teams.
import type { RosterNames } from '../../../../shared/domain/question.js';

export const ROSTER: RosterNames = {
  employees: [
    { code: 'A1', name: 'Anita Rao' },
    { code: 'B1', name: 'Bala Krishnan' },
    { code: 'D1', name: 'Dev Patel' },
    { code: 'D2', name: 'Deva Menon' },
    { code: 'S1', name: 'Asha Nair' },
    { code: 'S2', name: 'Asha Kulkarni' },
  ],
  teams: ['Front Office', 'Engineering'],
};

ALTER TABLE "punches" DROP CONSTRAINT "punches_employee_id_employees_id_fk";

-- Codes of the fixed lists reach 27 characters (TRADITIONAL_BIRTH_ATTENDANT).
ALTER TABLE "catalog_item" ALTER COLUMN "code" SET DATA TYPE VARCHAR(40);

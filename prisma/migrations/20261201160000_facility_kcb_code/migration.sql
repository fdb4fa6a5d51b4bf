-- Facility KCB code (issue 8): the mã cơ sở KCB BHYT HIS vendors put in MA_CSKCB and MACSKCB, so the
-- national endpoint finds the facility by it. Unique among the facilities that have one (NULLs are distinct).
-- (No semicolons in these comments: the JS schema engine splits scripts at every one.)

-- AlterTable
ALTER TABLE "facility" ADD COLUMN "kcb_code" VARCHAR(5);

-- CreateIndex
CREATE UNIQUE INDEX "facility_kcb_code_key" ON "facility"("kcb_code");

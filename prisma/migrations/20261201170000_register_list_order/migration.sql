-- Register lists read a month newest first (date, then creation, then id): with these indexes the first page
-- of a province-month walks the index and stops, instead of sorting every row of the month.
CREATE INDEX "anc_visit_list_order_idx" ON "anc_visit"("visit_date" DESC, "created_at" DESC, "id" DESC);
CREATE INDEX "delivery_list_order_idx" ON "delivery"("delivery_date" DESC, "created_at" DESC, "id" DESC);
CREATE INDEX "abortion_list_order_idx" ON "abortion"("performed_on" DESC, "created_at" DESC, "id" DESC);
CREATE INDEX "contraception_service_list_order_idx" ON "contraception_service"("served_on" DESC, "created_at" DESC, "id" DESC);
CREATE INDEX "gynaecology_visit_list_order_idx" ON "gynaecology_visit"("visit_date" DESC, "created_at" DESC, "id" DESC);
CREATE INDEX "hpv_vaccination_list_order_idx" ON "hpv_vaccination"("given_on" DESC, "created_at" DESC, "id" DESC);
CREATE INDEX "child_exam_list_order_idx" ON "child_exam"("exam_date" DESC, "created_at" DESC, "id" DESC);
CREATE INDEX "death_list_order_idx" ON "death"("died_on" DESC, "created_at" DESC, "id" DESC);

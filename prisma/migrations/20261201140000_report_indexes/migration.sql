-- Indexes of the report computation (issue 7). The CSYT khác column reads every facility's ANC
-- visits and deliveries of the month by date, and row I.1 looks up the abortion that closed an episode.

-- CreateIndex
CREATE INDEX "anc_visit_visit_date_idx" ON "anc_visit"("visit_date");

-- CreateIndex
CREATE INDEX "delivery_delivery_date_idx" ON "delivery"("delivery_date");

-- CreateIndex
CREATE INDEX "abortion_episode_id_idx" ON "abortion"("episode_id");

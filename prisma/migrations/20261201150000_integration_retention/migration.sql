-- Retention of integration working data (issue 8, docs/operations/integration.md): the nightly
-- RetentionJob deletes delivered outbox items, national XML receipts and Idempotency-Keys by age.
-- (No semicolons in these comments: the JS schema engine splits scripts at every one.)

-- CreateIndex
CREATE INDEX "outbox_item_status_delivered_at_idx" ON "outbox_item"("status", "delivered_at");

-- CreateIndex
CREATE INDEX "national_transaction_received_at_idx" ON "national_transaction"("received_at");

-- CreateIndex
CREATE INDEX "integration_idempotency_key_created_at_idx" ON "integration_idempotency_key"("created_at");

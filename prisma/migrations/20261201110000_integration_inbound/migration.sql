-- Inbound integration (issue 8): batches of register records pushed by HIS and YTCS software.
-- integration_batch: one row per batch (account, when, counts, the outcome of each record) for monitoring.
-- integration_idempotency_key: an Idempotency-Key with the hash of its request, whose replay answers the batch again.
-- (No semicolons in these comments: the JS schema engine splits scripts at every one.)

-- CreateTable
CREATE TABLE "integration_batch" (
    "id" UUID NOT NULL,
    "client_id" UUID NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "received" INTEGER NOT NULL,
    "created" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "results" JSONB NOT NULL,

    CONSTRAINT "integration_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integration_idempotency_key" (
    "client_id" UUID NOT NULL,
    "key" VARCHAR(255) NOT NULL,
    "request_hash" VARCHAR(64) NOT NULL,
    "batch_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "integration_idempotency_key_pkey" PRIMARY KEY ("client_id","key")
);

-- CreateIndex
CREATE INDEX "integration_batch_client_id_received_at_idx" ON "integration_batch"("client_id", "received_at");

-- CreateIndex
CREATE INDEX "integration_batch_received_at_idx" ON "integration_batch"("received_at");

-- CreateIndex
CREATE INDEX "integration_idempotency_key_batch_id_idx" ON "integration_idempotency_key"("batch_id");

-- CreateIndex
CREATE INDEX "integration_idempotency_key_expires_at_idx" ON "integration_idempotency_key"("expires_at");

-- AddForeignKey
ALTER TABLE "integration_idempotency_key" ADD CONSTRAINT "integration_idempotency_key_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "integration_batch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- National endpoint (issue 8 item 2): the drop-in for the national "liên thông" paths.
-- national_token: bearer tokens issued by POST /api/lien-thong/tai-khoan/dang-nhap, kept as their SHA-256 with an expiry.
-- national_transaction: each XML package received by POST /api/lien-thong/tiep-nhan, its number (mã giao dịch), account, status and per-record review result.
-- (No semicolons in these comments: the JS schema engine splits scripts at every one.)
-- CreateEnum
CREATE TYPE "national_transaction_status" AS ENUM ('RECEIVED', 'PROCESSED', 'FAILED');

-- CreateTable
CREATE TABLE "national_token" (
    "id" UUID NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "client_id" UUID NOT NULL,
    "issued_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "national_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "national_transaction" (
    "id" UUID NOT NULL,
    "number" VARCHAR(32) NOT NULL,
    "client_id" UUID NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "national_transaction_status" NOT NULL,
    "facility_code" VARCHAR(20),
    "byte_size" INTEGER NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "dossiers" INTEGER NOT NULL,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "ignored" INTEGER NOT NULL DEFAULT 0,
    "processed_at" TIMESTAMP(3),
    "results" JSONB,

    CONSTRAINT "national_transaction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "national_token_token_hash_key" ON "national_token"("token_hash");

-- CreateIndex
CREATE INDEX "national_token_client_id_idx" ON "national_token"("client_id");

-- CreateIndex
CREATE INDEX "national_token_expires_at_idx" ON "national_token"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "national_transaction_number_key" ON "national_transaction"("number");

-- CreateIndex
CREATE INDEX "national_transaction_client_id_received_at_idx" ON "national_transaction"("client_id", "received_at");


-- CreateEnum
CREATE TYPE "account_status" AS ENUM ('active', 'disabled');

-- CreateEnum
CREATE TYPE "auth_method" AS ENUM ('password', 'oidc', 'bearer');

-- CreateEnum
CREATE TYPE "external_system" AS ENUM ('HIS', 'YTCS', 'E_HANDBOOK', 'HEALTH_STATISTICS', 'EHR_REPOSITORY');

-- CreateTable
CREATE TABLE "role" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "description" VARCHAR(500),
    "permissions" TEXT[],
    "require_totp" BOOLEAN NOT NULL DEFAULT false,
    "is_system" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_account" (
    "id" UUID NOT NULL,
    "username" VARCHAR(60) NOT NULL,
    "full_name" VARCHAR(200) NOT NULL,
    "full_name_folded" VARCHAR(200) NOT NULL,
    "email" VARCHAR(200),
    "phone" VARCHAR(30),
    "facility_id" INTEGER NOT NULL,
    "status" "account_status" NOT NULL DEFAULT 'active',
    "password_hash" VARCHAR(255),
    "password_changed_at" TIMESTAMP(3),
    "must_change_password" BOOLEAN NOT NULL DEFAULT true,
    "locked_until" TIMESTAMP(3),
    "totp_secret" VARCHAR(100),
    "totp_enabled" BOOLEAN NOT NULL DEFAULT false,
    "sso_subject" VARCHAR(200),
    "last_sign_in_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "user_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_role" (
    "user_id" UUID NOT NULL,
    "role_id" INTEGER NOT NULL,

    CONSTRAINT "user_role_pkey" PRIMARY KEY ("user_id","role_id")
);

-- CreateTable
CREATE TABLE "password_history" (
    "id" SERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "hash" VARCHAR(255) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" UUID NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "csrf_token" VARCHAR(64) NOT NULL,
    "user_id" UUID NOT NULL,
    "method" "auth_method" NOT NULL,
    "fully_authenticated" BOOLEAN NOT NULL DEFAULT true,
    "ip" VARCHAR(64),
    "user_agent" VARCHAR(300),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),
    "revoked_reason" VARCHAR(40),

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_attempt" (
    "id" BIGSERIAL NOT NULL,
    "username" VARCHAR(60) NOT NULL,
    "ip" VARCHAR(64),
    "success" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_in_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integration_client" (
    "id" UUID NOT NULL,
    "client_id" VARCHAR(60) NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "system" "external_system" NOT NULL,
    "secret_hash" VARCHAR(255) NOT NULL,
    "operations" TEXT[],
    "status" "account_status" NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "rotated_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),
    "last_used_at" TIMESTAMP(3),

    CONSTRAINT "integration_client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integration_client_facility" (
    "client_id" UUID NOT NULL,
    "facility_id" INTEGER NOT NULL,

    CONSTRAINT "integration_client_facility_pkey" PRIMARY KEY ("client_id","facility_id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" VARCHAR(40) NOT NULL,
    "entity_type" VARCHAR(60),
    "entity_id" VARCHAR(100),
    "actor_user_id" UUID,
    "actor_username" VARCHAR(60),
    "actor_facility_id" INTEGER,
    "actor_client_id" VARCHAR(60),
    "ip" VARCHAR(64),
    "before" JSONB,
    "after" JSONB,
    "details" JSONB,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "role_code_key" ON "role"("code");

-- CreateIndex
CREATE UNIQUE INDEX "user_account_username_key" ON "user_account"("username");

-- CreateIndex
CREATE UNIQUE INDEX "user_account_sso_subject_key" ON "user_account"("sso_subject");

-- CreateIndex
CREATE INDEX "user_account_facility_id_idx" ON "user_account"("facility_id");

-- CreateIndex
CREATE INDEX "user_account_full_name_folded_idx" ON "user_account"("full_name_folded");

-- CreateIndex
CREATE INDEX "user_role_role_id_idx" ON "user_role"("role_id");

-- CreateIndex
CREATE INDEX "password_history_user_id_created_at_idx" ON "password_history"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_hash_key" ON "session"("token_hash");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "sign_in_attempt_username_at_idx" ON "sign_in_attempt"("username", "at");

-- CreateIndex
CREATE INDEX "sign_in_attempt_ip_at_idx" ON "sign_in_attempt"("ip", "at");

-- CreateIndex
CREATE UNIQUE INDEX "integration_client_client_id_key" ON "integration_client"("client_id");

-- CreateIndex
CREATE INDEX "integration_client_facility_facility_id_idx" ON "integration_client_facility"("facility_id");

-- CreateIndex
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at");

-- CreateIndex
CREATE INDEX "audit_event_entity_type_entity_id_idx" ON "audit_event"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_event_actor_user_id_at_idx" ON "audit_event"("actor_user_id", "at");

-- CreateIndex
CREATE INDEX "audit_event_actor_facility_id_at_idx" ON "audit_event"("actor_facility_id", "at");

-- CreateIndex
CREATE INDEX "audit_event_action_at_idx" ON "audit_event"("action", "at");

-- AddForeignKey
ALTER TABLE "user_account" ADD CONSTRAINT "user_account_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_role" ADD CONSTRAINT "user_role_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_role" ADD CONSTRAINT "user_role_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "role"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_history" ADD CONSTRAINT "password_history_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integration_client_facility" ADD CONSTRAINT "integration_client_facility_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "integration_client"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "integration_client_facility" ADD CONSTRAINT "integration_client_facility_facility_id_fkey" FOREIGN KEY ("facility_id") REFERENCES "facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

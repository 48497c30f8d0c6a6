-- AlterTable
ALTER TABLE "subscriber" ADD COLUMN     "referral_code" TEXT;

-- CreateTable
CREATE TABLE "referral" (
    "friend_id" INTEGER NOT NULL,
    "referrer_id" INTEGER NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),

    CONSTRAINT "referral_pkey" PRIMARY KEY ("friend_id")
);

-- CreateTable
CREATE TABLE "referral_reward" (
    "id" SERIAL NOT NULL,
    "friend_id" INTEGER NOT NULL,
    "subscriber_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "code" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "referral_reward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promo_code" (
    "code" TEXT NOT NULL,
    "pool" TEXT NOT NULL DEFAULT 'referral',
    "imported_at" TIMESTAMPTZ(3) NOT NULL,
    "given_to" INTEGER,
    "given_at" TIMESTAMPTZ(3),

    CONSTRAINT "promo_code_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "referral_referrer_id_accepted_at_idx" ON "referral"("referrer_id", "accepted_at");

-- CreateIndex
CREATE INDEX "referral_accepted_at_idx" ON "referral"("accepted_at");

-- CreateIndex
CREATE INDEX "referral_reward_subscriber_id_role_at_idx" ON "referral_reward"("subscriber_id", "role", "at");

-- CreateIndex
CREATE UNIQUE INDEX "referral_reward_friend_id_role_key" ON "referral_reward"("friend_id", "role");

-- CreateIndex
CREATE INDEX "promo_code_pool_given_at_idx" ON "promo_code"("pool", "given_at");

-- CreateIndex
CREATE UNIQUE INDEX "subscriber_referral_code_key" ON "subscriber"("referral_code");

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_friend_id_fkey" FOREIGN KEY ("friend_id") REFERENCES "subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "referral" ADD CONSTRAINT "referral_referrer_id_fkey" FOREIGN KEY ("referrer_id") REFERENCES "subscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;


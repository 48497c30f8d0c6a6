-- AlterTable
ALTER TABLE "customer_stats" ADD COLUMN     "orders_30d" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "orders_365d" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "orders_90d" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "spent_30d" DECIMAL(14,2) NOT NULL DEFAULT 0,
ADD COLUMN     "spent_365d" DECIMAL(14,2) NOT NULL DEFAULT 0,
ADD COLUMN     "spent_90d" DECIMAL(14,2) NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "customer_stats_anchor" (
    "id" INTEGER NOT NULL,
    "windows_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "customer_stats_anchor_pkey" PRIMARY KEY ("id")
);



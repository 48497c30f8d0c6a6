-- AlterTable
ALTER TABLE "delivery" ADD COLUMN     "retry_at" TIMESTAMPTZ(3);


-- CreateTable
CREATE TABLE "digest_run" (
    "week_start" TIMESTAMPTZ(3) NOT NULL,
    "destination" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'posting',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "message_ref" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "digest_run_pkey" PRIMARY KEY ("week_start","destination")
);

-- CreateTable
CREATE TABLE "stage_snapshot" (
    "taken_for" TIMESTAMPTZ(3) NOT NULL,
    "customers" INTEGER NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stage_snapshot_pkey" PRIMARY KEY ("taken_for")
);

-- CreateTable
CREATE TABLE "stage_snapshot_customer" (
    "taken_for" TIMESTAMPTZ(3) NOT NULL,
    "subscriber_id" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "rfm_class" TEXT,

    CONSTRAINT "stage_snapshot_customer_pkey" PRIMARY KEY ("taken_for","subscriber_id")
);


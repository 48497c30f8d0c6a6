-- CreateTable
CREATE TABLE "segment_size_cache" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL,
    "bucket" TIMESTAMPTZ(3) NOT NULL,
    "sizes" JSONB NOT NULL,

    CONSTRAINT "segment_size_cache_pkey" PRIMARY KEY ("id")
);


-- Any write that can change a built-in segment's size advances this sequence
-- (non-transactional and lock-free, so writers never wait on each other).
CREATE SEQUENCE "analytics_data_version";

CREATE FUNCTION "bump_analytics_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('analytics_data_version');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "subscriber_analytics_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "subscriber"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_analytics_data_version"();
CREATE TRIGGER "customer_stats_analytics_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "customer_stats"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_analytics_data_version"();
CREATE TRIGGER "survey_response_analytics_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "survey_response"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_analytics_data_version"();
CREATE TRIGGER "referral_analytics_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "referral"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_analytics_data_version"();
CREATE TRIGGER "setting_analytics_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "setting"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_analytics_data_version"();

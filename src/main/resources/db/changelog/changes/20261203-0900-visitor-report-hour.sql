--liquibase formatted sql

--changeset audiencehub:20261203-0900-visitor-report-hour
-- Visitors reported per hour, as the Overview charts them: each flush adds the distinct visitors it
-- wrote to its hour's row; a hub writes under a shard of its own, so that the hubs of a cluster do not
-- all update one row (the Overview sums the shards).
CREATE TABLE visitor_report_hour (
    hour     TIMESTAMP NOT NULL,
    shard    SMALLINT  NOT NULL,
    reports  BIGINT    NOT NULL,
    CONSTRAINT pk_visitor_report_hour PRIMARY KEY (hour, shard)
) ENGINE = InnoDB;
--rollback DROP TABLE visitor_report_hour;

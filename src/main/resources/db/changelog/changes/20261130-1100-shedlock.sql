--liquibase formatted sql

--changeset audiencehub:20261130-1100-shedlock
-- Leases in a table (ShedLock's layout): the audience writer's, and one per job that must run on one
-- hub only. A table, not GET_LOCK: Galera does not replicate named locks between its nodes.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT pk_shedlock PRIMARY KEY (name)
) ENGINE = InnoDB;
--rollback DROP TABLE shedlock;

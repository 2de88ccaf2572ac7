--liquibase formatted sql

-- The connectors whose provider is told which campaign each visitor sees (Heap under Push).
--changeset audiencehub:20261130-0902-connector-push
CREATE TABLE connector_push (
    connector_id  BIGINT       NOT NULL,
    enabled_by    VARCHAR(80)  NOT NULL,
    enabled_at    TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_connector_push PRIMARY KEY (connector_id),
    CONSTRAINT fk_connector_push_connector FOREIGN KEY (connector_id) REFERENCES connector (id) ON DELETE CASCADE
) ENGINE = InnoDB;
--rollback DROP TABLE connector_push;

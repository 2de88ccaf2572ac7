--liquibase formatted sql

--changeset audiencehub:20261129-0600-visitor
CREATE TABLE visitor (
    id          VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    first_seen  TIMESTAMP(3) NOT NULL,
    last_seen   TIMESTAMP(3) NOT NULL,
    CONSTRAINT pk_visitor PRIMARY KEY (id)
) ENGINE = InnoDB;
--rollback DROP TABLE visitor;

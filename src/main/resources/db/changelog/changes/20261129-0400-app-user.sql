--liquibase formatted sql

--changeset audiencehub:20261129-0400-app-user
CREATE TABLE app_user (
    username      VARCHAR(80)  NOT NULL,
    display_name  VARCHAR(120) NOT NULL,
    password_hash VARCHAR(100) NULL,
    role          VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT pk_app_user PRIMARY KEY (username),
    CONSTRAINT ck_app_user_role CHECK (role IN ('ADMIN', 'VIEWER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE app_user;

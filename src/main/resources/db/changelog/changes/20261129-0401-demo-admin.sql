--liquibase formatted sql

-- The embedded demo's admin/admin. Production never enables the "demo" context.
--changeset audiencehub:20261129-0401-demo-admin context:demo
INSERT INTO app_user (username, display_name, password_hash, role)
VALUES ('admin', 'Demo administrator', '{bcrypt}$2a$10$kbYt9R9Uhx2JCQQP.KlVQOBslwgJamy8Qm7zHUve8jteOkPw3HPz.', 'ADMIN');
--rollback DELETE FROM app_user WHERE username = 'admin';

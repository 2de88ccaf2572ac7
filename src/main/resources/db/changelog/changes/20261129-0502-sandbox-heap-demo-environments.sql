--liquibase formatted sql

-- Two environments for the embedded demo's Heap sandbox. Production never enables "demo".
--changeset audiencehub:20261129-0502-sandbox-heap-demo-environments context:demo
INSERT INTO sandbox_heap_environment (id_token, name) VALUES
    ('7a36ae58-c4b9-11eb-8529-0242ac130003', 'Acme Store - Production'),
    ('9c1f5e2a-1d7b-4e0c-9a51-3b1f2e8d4c10', 'Acme Store - Staging');
--rollback DELETE FROM sandbox_heap_environment;

-- The user a donor node's mariabackup connects as during a state transfer; its password is the one of
-- wsrep_sst_auth in galera.cnf: change both together.
CREATE USER 'mariabackup'@'localhost' IDENTIFIED BY 'change-me-sst';
GRANT RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR ON *.* TO 'mariabackup'@'localhost';

-- A run waiting for a solver slot is QUEUED (it was written as SCHEDULED before). The service still reads
-- SCHEDULED as QUEUED (rows an older instance writes during an upgrade). Portable between H2 and PostgreSQL.
UPDATE plan SET status = 'QUEUED' WHERE status = 'SCHEDULED';

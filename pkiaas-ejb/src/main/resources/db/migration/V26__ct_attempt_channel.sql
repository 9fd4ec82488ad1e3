-- The issuance channel a CT submission that stopped an issuance came through (ADMIN_CSR, ACME,
-- SCEP, ...), shown to the administrator beside the attempt. Attempts recorded before stay null.
ALTER TABLE ct_attempt ADD COLUMN channel VARCHAR(20);

-- Issue 17: Microsoft Intune validation of SCEP requests. The template names the Entra ID tenant and
-- application and the base URLs to call; the client secret is AES-GCM wrapped under the master key
-- beside the template's other SCEP secrets, and never shown again.
ALTER TABLE certificate_template ADD COLUMN scep_intune_tenant_id VARCHAR(128);
ALTER TABLE certificate_template ADD COLUMN scep_intune_client_id VARCHAR(36);
ALTER TABLE certificate_template ADD COLUMN scep_intune_authority_url VARCHAR(500);
ALTER TABLE certificate_template ADD COLUMN scep_intune_graph_url VARCHAR(500);
ALTER TABLE certificate_template ADD COLUMN scep_intune_timeout_ms INTEGER;
ALTER TABLE scep_secret ADD COLUMN intune_client_secret ${blob};

-- Issue 16, option a: one of the installation's CAs issues the HTTPS listener's certificate. The
-- nodes renew it under this lock, so two of them never issue at once (the chosen template is the
-- app_setting row 'https.template').
INSERT INTO job_lock (name) VALUES ('https-certificate');

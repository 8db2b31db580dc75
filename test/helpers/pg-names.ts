// Names shared by the global setup and the per-file test databases.
export const TEMPLATE_DB = 'dgr_test_template';

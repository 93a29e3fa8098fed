-- Dashboard: the named contact of an account (removal requests go to them, else the comms lead),
-- and indexes for the review queue's order, a case's timeline and a request's history.
ALTER TABLE accounts ADD COLUMN contact_email VARCHAR(320);
CREATE INDEX cases_queue_order ON cases (status, risk DESC, id DESC);
CREATE INDEX cases_risk_order ON cases (risk DESC, id DESC);
CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id);
CREATE INDEX request_events_request ON request_events (request_id, at);

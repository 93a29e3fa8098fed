-- The queue's signal filter: the distinct signal lists are read from this index, and the filter
-- becomes "signals IN (the lists that contain the signal)", which both databases answer from it.
CREATE INDEX cases_status_signals ON cases (status, signals);
CREATE INDEX cases_org_status_signals ON cases (organisation_id, status, signals);

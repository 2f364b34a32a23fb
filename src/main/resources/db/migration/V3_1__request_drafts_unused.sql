-- Drafts nobody signed are forgotten an hour after they expire (ExpirySweep): they name the person asked about. The
-- partial index keeps that lookup off the used drafts, which stay with their requests for good.
CREATE INDEX request_drafts_unused ON request_drafts (expires_at) WHERE used_at IS NULL;

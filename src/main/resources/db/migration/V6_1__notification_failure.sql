-- A request the user allowed but that could not be issued (FAILED): the cabinet message says so (DESIGN.md: FAILED
-- tells both sides).
ALTER TABLE cabinet_messages ADD COLUMN failed_at TIMESTAMPTZ;

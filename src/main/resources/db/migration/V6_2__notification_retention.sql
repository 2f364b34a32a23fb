-- What OutboxRetention reads and deletes by: finished items by their last chance of delivery, receipts and the
-- embedded centre's messages by age, and the webhook attempts of an item (also what the foreign key's check on
-- deleting an item looks up).
CREATE INDEX notification_outbox_finished ON notification_outbox (expires_at) WHERE state IN ('SENT', 'GAVE_UP');
CREATE INDEX sms_receipts_received ON sms_receipts (received_at);
CREATE INDEX webhook_deliveries_outbox ON webhook_deliveries (outbox_id);
CREATE INDEX demo_sms_messages_received ON demo_sms_messages (received_at);

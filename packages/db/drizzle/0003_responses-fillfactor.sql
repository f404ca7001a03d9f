-- Consensus records are rewritten many times while an area is assessed. Leaving 30% of each page free
-- lets PostgreSQL update them in place (HOT updates: no index writes, less WAL, less vacuum).
ALTER TABLE "responses" SET (fillfactor = 70);

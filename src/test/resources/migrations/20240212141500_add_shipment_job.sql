-- migrate:up
ALTER TABLE fact_material_shipment ADD COLUMN job_code TEXT;

-- migrate:down
ALTER TABLE fact_material_shipment DROP COLUMN job_code;

ALTER TABLE fact_material_shipment ADD COLUMN note TEXT;

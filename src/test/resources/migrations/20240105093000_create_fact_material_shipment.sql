-- migrate:up
CREATE TABLE fact_material_shipment (
  id BIGSERIAL PRIMARY KEY,
  shipped_on DATE NOT NULL,
  tonnes NUMERIC(12, 2) NOT NULL
);

-- migrate:down
DROP TABLE fact_material_shipment;

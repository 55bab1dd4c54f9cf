-- The orders service's data: a catalogue of 1,000 products and 5,000 orders. Any SQL script, or a
-- plain-format pg_dump of your own database (pg_dump --format=plain --no-owner), works the same way.
CREATE TABLE products (
    id          bigint PRIMARY KEY,
    name        text   NOT NULL,
    price_cents bigint NOT NULL
);
CREATE TABLE orders (
    id         bigint PRIMARY KEY,
    product_id bigint NOT NULL REFERENCES products (id),
    quantity   int    NOT NULL
);
INSERT INTO products SELECT g, 'product ' || g, 199 + (g * 37) % 5000 FROM generate_series(1, 1000) AS g;
INSERT INTO orders SELECT g, 1 + (g * 7919) % 1000, 1 + g % 5 FROM generate_series(1, 5000) AS g;
ANALYZE products;
ANALYZE orders;

package io.incidentreplay.examples.orders;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /products} reads the catalogue and never calls the payments service;
 * {@code GET /orders/{id}} reads the order and asks the payments service for its payment. When the
 * payments service stalls and the orders endpoint waits with no timeout, every Tomcat worker ends up
 * waiting on it, and {@code /products} fails with it: the cascade this example replays.
 */
@RestController
public class OrdersController {

    private final ProductRepository products;
    private final OrderRepository orders;
    private final Payments payments;

    public OrdersController(ProductRepository products, OrderRepository orders, Payments payments) {
        this.products = products;
        this.orders = orders;
        this.payments = payments;
    }

    @GetMapping("/products")
    public List<Product> products(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return products.findAll(PageRequest.of(page, Math.min(size, 100), Sort.by("id"))).getContent();
    }

    @GetMapping("/orders/{id}")
    public Map<String, Object> order(@PathVariable long id) {
        CustomerOrder order = orders.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no order " + id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", order.getId());
        body.put("productId", order.getProductId());
        body.put("quantity", order.getQuantity());
        body.put("payment", payments.paymentOf(id));
        return body;
    }
}

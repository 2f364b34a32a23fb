package org.kelisim.request;

import java.util.List;

/**
 * One page of a list of requests.
 *
 * @param page the page number, from 0
 * @param total how many requests the whole list has
 */
public record RequestPage(List<RequestView> items, int page, int size, long total) {

    public RequestPage {
        items = List.copyOf(items);
    }
}

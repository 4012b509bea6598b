package org.dangjian.member.common;

import org.dangjian.platform.api.DomainException;

import java.util.List;

/**
 * A request about many records refused whole because some of its items break a rule: the problem's own code says
 * so, and its {@code errors[]} name each refused item (e.g. {@code memberIds[2]}) with that item's code, worded
 * like the same refusal of a single record. Mapped by {@link ItemsRefusedMapper}.
 */
public class ItemsRefused extends DomainException {

    /** One refused item: where it is in the request, its code and the arguments of that code's message. */
    public record Item(String field, String code, Object... args) {
    }

    private final transient List<Item> items;

    public ItemsRefused(int status, String code, List<Item> items, Object... args) {
        super(status, code, args);
        this.items = List.copyOf(items);
    }

    public List<Item> items() {
        return items;
    }
}

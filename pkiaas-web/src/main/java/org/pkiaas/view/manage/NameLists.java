package org.pkiaas.view.manage;

import java.util.Arrays;
import java.util.List;

/** Subject alternative names as people type them in a text area: one per line (or comma), {@code TYPE:value}. */
public final class NameLists {

    private NameLists() {
    }

    /** The typed names, or null when none were typed (the boundaries read null as "keep what there is"). */
    public static List<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(text.split("[,\\n]")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }

    /** Stored names ({@code DNS:a,DNS:b}) one per line, for a text area. */
    public static String lines(String joined) {
        return joined == null ? "" : String.join("\n", Arrays.stream(joined.split(",")).map(String::trim).toList());
    }
}

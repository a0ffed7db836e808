package org.parley.coder;

import org.parley.common.Actor.ActorType;

/** A resolved actor reference; {@code text} is the words that named it in the sentence. */
record ActorRef(String code, ActorType type, String role, String name, String text, boolean person) {
    ActorRef withText(String t) {
        return new ActorRef(code, type, role, name, t, person);
    }
}

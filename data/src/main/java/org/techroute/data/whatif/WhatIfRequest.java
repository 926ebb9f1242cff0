package org.techroute.data.whatif;

import java.util.List;

/** The variants to compare, in the order they are shown. */
public record WhatIfRequest(List<Variant> variants) {
}

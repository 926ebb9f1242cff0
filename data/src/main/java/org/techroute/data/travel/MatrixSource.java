package org.techroute.data.travel;

import java.util.List;

import org.techroute.data.model.Location;
import org.techroute.data.model.Options;

/** Computes the travel matrix of a list of locations for one travel mode. */
public interface MatrixSource {

    MatrixResult build(List<Location> locations, Options options);
}

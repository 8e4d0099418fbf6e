/** Change detectors for streams of numbers, such as a model's error: ADWIN. */
package org.brookml.drift;

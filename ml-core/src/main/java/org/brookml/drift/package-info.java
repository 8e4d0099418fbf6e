/**
 * Change detectors for streams of numbers, such as a model's error: the {@code DriftDetector} type
 * with DDM, EDDM, Page-Hinkley and CUSUM; ADWIN.
 */
package org.brookml.drift;

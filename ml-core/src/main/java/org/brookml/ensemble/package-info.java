/**
 * Online ensembles over any Brook classifier: Oza and Russell's online bagging and AdaBoost, and
 * their ADWIN variants that replace the worst member when its error drifts.
 */
package org.brookml.ensemble;

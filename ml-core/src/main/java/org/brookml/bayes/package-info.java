/** Naive Bayes classifiers learned online. */
package org.brookml.bayes;

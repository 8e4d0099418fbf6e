/** Reductions from many classes to binary classifiers: {@link org.brookml.multiclass.OneVsRest}. */
package org.brookml.multiclass;

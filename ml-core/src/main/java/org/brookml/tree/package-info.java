/** Incremental decision trees for streams: the Hoeffding tree (VFDT) and the decision stump. */
package org.brookml.tree;

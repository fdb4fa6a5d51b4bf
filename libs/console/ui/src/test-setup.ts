// Angular's packages are partially compiled: their declarations are completed at run time by the compiler.
import '@angular/compiler';

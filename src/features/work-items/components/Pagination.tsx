import { lazy, Suspense } from 'react';
import Box from '@mui/material/Box';
import type MuiTablePagination from '@mui/material/TablePagination';
import { PAGE_SIZES } from '../hooks/table-params.ts';

// MUI's TablePagination (with its Select, Menu and Tooltip, ~15 KB gzipped) is not needed to show the first rows:
// it arrives in its own chunk right after, with a plain "1–25 of 45" in its place until then.
const TablePagination = lazy(() => import('@mui/material/TablePagination')) as unknown as typeof MuiTablePagination;

export function Pagination({
  total,
  page,
  pageSize,
  onPageChange,
  onPageSizeChange,
}: {
  total: number | undefined;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (size: number) => void;
}) {
  const from = total === 0 ? 0 : page * pageSize + 1;
  const to = total === undefined ? (page + 1) * pageSize : Math.min(total, (page + 1) * pageSize);
  const fallback = (
    <Box sx={{ minHeight: 52, display: 'flex', alignItems: 'center', justifyContent: 'flex-end', px: 2 }}>
      {from}–{to} of {total ?? '…'}
    </Box>
  );
  return (
    <Suspense fallback={fallback}>
      <TablePagination
        component="div"
        count={total ?? -1}
        page={page}
        rowsPerPage={pageSize}
        rowsPerPageOptions={[...PAGE_SIZES]}
        onPageChange={(_e, next) => onPageChange(next)}
        onRowsPerPageChange={(e) => onPageSizeChange(Number(e.target.value))}
        labelRowsPerPage="Rows per page"
      />
    </Suspense>
  );
}

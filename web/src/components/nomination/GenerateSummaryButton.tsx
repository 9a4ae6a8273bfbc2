/**
 * Turns the 工作总结 written on the page into the Word document the material slot asks for: what was
 * typed is saved first, then the server makes the file and checks it like an upload.
 */
import { FileWordOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { ApiError } from '#web/api/client.ts';
import { generateWorkSummary, materialsKey } from '#web/api/materials.ts';
import { useShowError } from '#web/lib/useShowError.ts';

export function GenerateSummaryButton({
  nominationId,
  flush,
  disabled,
}: {
  nominationId: string;
  /** Saves what is still unsaved; false when it could not be saved. */
  flush: () => Promise<boolean>;
  disabled: boolean;
}) {
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const generate = useMutation({
    mutationFn: async () => {
      if (!(await flush()))
        throw new ApiError(0, 'NOT_SAVED', '工作总结还有未保存的修改，请先解决保存问题后再生成');
      return generateWorkSummary(nominationId);
    },
    onSuccess: (material) => {
      message.success(`已生成“${material.fileName}”，放入材料中的“工作总结”`);
      void queryClient.invalidateQueries({ queryKey: materialsKey(nominationId) });
    },
    onError: showError,
  });
  return (
    <Button
      icon={<FileWordOutlined />}
      disabled={disabled}
      loading={generate.isPending}
      onClick={() => generate.mutate()}
    >
      生成工作总结文档
    </Button>
  );
}
